/**
 * English (en, US) pools: cities with state and area code, first and last names, personal mail providers.
 * Plain data, no faker.
 *
 * Why: the benchmark generator composes millions of rows and cannot afford a faker call per field; the demo
 * generator uses faker for English names and streets but these cities for addresses and phone numbers.
 * Seeded runs pick by index, so append, never reorder.
 */

export interface UsCity {
  city: string;
  state: string;
  area: string;
  weight: number;
}

export const US_CITIES: readonly UsCity[] = [
  { city: 'New York', state: 'NY', area: '212', weight: 10 },
  { city: 'Los Angeles', state: 'CA', area: '213', weight: 8 },
  { city: 'Chicago', state: 'IL', area: '312', weight: 7 },
  { city: 'Houston', state: 'TX', area: '713', weight: 5 },
  { city: 'Phoenix', state: 'AZ', area: '602', weight: 3 },
  { city: 'Philadelphia', state: 'PA', area: '215', weight: 4 },
  { city: 'San Antonio', state: 'TX', area: '210', weight: 2 },
  { city: 'San Diego', state: 'CA', area: '619', weight: 3 },
  { city: 'Dallas', state: 'TX', area: '214', weight: 5 },
  { city: 'Austin', state: 'TX', area: '512', weight: 4 },
  { city: 'Seattle', state: 'WA', area: '206', weight: 5 },
  { city: 'Denver', state: 'CO', area: '303', weight: 3 },
  { city: 'Boston', state: 'MA', area: '617', weight: 5 },
  { city: 'Atlanta', state: 'GA', area: '404', weight: 4 },
  { city: 'Miami', state: 'FL', area: '305', weight: 3 },
  { city: 'Minneapolis', state: 'MN', area: '612', weight: 2 },
  { city: 'Portland', state: 'OR', area: '503', weight: 2 },
  { city: 'Nashville', state: 'TN', area: '615', weight: 2 },
  { city: 'San Francisco', state: 'CA', area: '415', weight: 6 },
  { city: 'Charlotte', state: 'NC', area: '704', weight: 2 },
];

export const EN_FIRST_NAMES: readonly string[] = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Matthew',
  'Emily',
  'Anthony',
  'Olivia',
  'Mark',
  'Emma',
  'Steven',
  'Sophia',
  'Andrew',
  'Grace',
];

export const EN_LAST_NAMES: readonly string[] = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
  'Hill',
  'Green',
];

export const EN_MAIL_PROVIDERS: readonly string[] = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'];
