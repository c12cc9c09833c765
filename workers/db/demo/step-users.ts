/**
 * Demo step 1: the sales team. One admin, managers (one team each, reporting to the admin) and reps spread
 * over the teams (reporting to their manager), joined at staggered dates after the workspace started;
 * returns who they are and who owns customers, how unevenly.
 */
import type { Database } from 'sql.js';
import type { UserRole } from '../contract';
import { DEMO_PROFILE, type DemoContext, type StaffMember, insertReturningId } from './demo-context';
import { DAY_MS, type Rng, WeightedPicker, isoTimestamp } from './random';

const TEAMS: readonly (readonly [zh: string, en: string])[] = [
  ['华东区', 'East'],
  ['华南区', 'South'],
  ['华北区', 'North'],
];

export interface DemoUsers {
  /** Picks a customer owner: reps own very different books of business, managers a few key accounts. */
  owners: WeightedPicker<number>;
  /** Everyone, admin first, then managers, then reps. */
  staff: StaffMember[];
}

/** Inserts the users; returns who they are and a picker of customer owners. */
export function insertUsers(db: Database, rng: Rng, ctx: DemoContext): DemoUsers {
  const { text, lang, summary, report } = ctx;
  const insertUser = db.prepare(
    `INSERT INTO users (name, email, role, team, manager_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const reps: number[] = [];
  const managers: number[] = [];
  const staff: StaffMember[] = [];
  try {
    const userEmails = new Set<string>();
    report({ phase: 'users', done: 0, total: DEMO_PROFILE.users });
    for (let i = 0; i < DEMO_PROFILE.users; i++) {
      const role: UserRole = i === 0 ? 'admin' : i <= DEMO_PROFILE.managers ? 'manager' : 'rep';
      const person = text.personName();
      let email = `${person.latin}@${text.userEmailDomain}`;
      for (let n = 2; userEmails.has(email); n++) email = `${person.latin}${n}@${text.userEmailDomain}`;
      userEmails.add(email);
      const teamIndex =
        role === 'manager' ? managers.length : role === 'rep' ? reps.length % managers.length : -1;
      const team = teamIndex >= 0 ? TEAMS[teamIndex % TEAMS.length]![lang] : '';
      // Reps report to their team's manager, managers to the admin (staff[0]).
      const managerId = role === 'rep' ? managers[teamIndex]! : role === 'manager' ? staff[0]!.id : null;
      const joined = isoTimestamp(ctx.workspaceStartMs + i * rng.between(3, 40) * DAY_MS);
      const id = insertReturningId(insertUser, [person.name, email, role, team, managerId, joined, joined]);
      staff.push({ id, role, managerId });
      if (role === 'manager') managers.push(id);
      if (role === 'rep') reps.push(id);
      summary.users++;
    }
    report({ phase: 'users', done: summary.users, total: DEMO_PROFILE.users });
  } finally {
    insertUser.free();
  }

  const owners = [...reps, ...managers];
  const ownerWeights = [
    ...rng.shuffled(reps.map((_, i) => 1 / Math.pow(i + 1, 0.8))),
    ...managers.map(() => 0.08),
  ];
  return { owners: new WeightedPicker(owners, ownerWeights), staff };
}
