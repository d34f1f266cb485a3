// No JIT compilation in this subgraph's database (new connections). Its statements are short aggregates
// over keys in a jsonb parameter; PostgreSQL costs the per-key lateral branches as if each ran for every
// key, crosses jit_above_cost, and spends more compiling (~40 ms idle, 200+ ms on a busy machine) than
// executing (~40 ms for a page of 120 scorecards over the `large` seed). Where the role may not alter
// the database, the default stays (a notice, not a failure).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124100000 extends Migration {

  override name = 'Migration20261124100000';

  override up(): void | Promise<void> {
    this.addSql(`do \$\$ begin execute format('alter database %I set jit = off', current_database()); exception when insufficient_privilege then raise notice 'jit stays on: %', sqlerrm; end \$\$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`do \$\$ begin execute format('alter database %I reset jit', current_database()); exception when insufficient_privilege then raise notice 'jit unchanged: %', sqlerrm; end \$\$;`);
  }

}
