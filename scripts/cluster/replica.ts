/**
 * npm run cluster:replica -- start [--dir D] [--primary-port 5433] [--replica-port 5434]
 *   (without ports: 5433 and 5434, or the next free ones)
 * npm run cluster:replica -- stop --dir D
 *
 * Sets up (or removes) a PostgreSQL 15 primary and its streaming replica on this machine, for the
 * replica's integration tests: `start` prints the variables they read (TEST_REPLICA_DIR).
 */
import { choosePorts, removePgPair, startPgPair } from "./pg-pair";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const action = process.argv[2];
  if (action === "start") {
    // Ports given are used as they are; without them, 5433 and 5434 or the next free ones.
    const given = [option("--primary-port"), option("--replica-port")] as const;
    if (Boolean(given[0]) !== Boolean(given[1])) throw new Error("--primary-port and --replica-port go together.");
    const [primaryPort, replicaPort] = given[0] && given[1] ? [Number(given[0]), Number(given[1])] : await choosePorts([5433, 5434] as const);
    const pair = await startPgPair({ dir: option("--dir"), primaryPort, replicaPort });
    console.log(`primary ${pair.primaryUrl}\nreplica ${pair.replicaUrl} (streaming from the primary)`);
    console.log(`export TEST_REPLICA_DIR=${pair.dir}`);
    return;
  }
  if (action === "stop") {
    const dir = option("--dir") ?? process.env.TEST_REPLICA_DIR;
    if (!dir) throw new Error("stop needs --dir (or TEST_REPLICA_DIR).");
    removePgPair(dir);
    console.log(`stopped and removed ${dir}`);
    return;
  }
  throw new Error("usage: npm run cluster:replica -- start [--dir D] [--primary-port P] [--replica-port R] | stop --dir D");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
