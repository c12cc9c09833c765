/**
 * Data revisions per table. The DB worker's 'changed' event (from this tab or, with `remote: true`, from
 * another tab) bumps the counters; views read `changes.of('customers')` inside an effect so they refetch
 * when rows they show may have changed.
 */
class Changes {
  #versions = $state<Record<string, number>>({});
  #all = $state(0);
  /** Bumped by every change, whatever the tables (the header's inbox: any write may fire a rule). */
  #any = $state(0);

  of(table: string): number {
    return (this.#versions[table] ?? 0) + this.#all;
  }

  any(): number {
    return this.#any;
  }

  bump(tables: readonly string[]): void {
    this.#any++;
    if (tables.length === 0) {
      this.#all++;
      return;
    }
    for (const table of tables) this.#versions[table] = (this.#versions[table] ?? 0) + 1;
  }
}

export const changes = new Changes();
