/** The users (sales reps) offered as customer owners; reloaded when the users table changes. */
import type { User } from '../../../workers/db/contract';
import { dbClient } from '../db-client';
import { handleError } from './errors';

class Users {
  list = $state<User[]>([]);

  async load(): Promise<void> {
    try {
      const result = await dbClient().listUsers();
      if (result.ok) this.list = result.value;
    } catch (error) {
      handleError(error);
    }
  }
}

export const users = new Users();
