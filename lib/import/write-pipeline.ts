/**
 * Batches written while the next lines are read. The store runs statements in call order
 * (lib/import/store/sql-store.ts) on another thread or server, so a writer need not wait for a
 * batch to be written before reading on: it sends the batch and counts it once confirmed.
 *
 * - A batch is sent once the previous one's statements all are: its reads come after them and see
 *   its rows (a line repeated in a later batch is still caught).
 * - At most `inFlight` batches are unconfirmed: memory stays bounded, and a failure surfaces at
 *   the next batch.
 */
const ignore = () => undefined;

export class WritePipeline<Sent> {
  private lastSent: Promise<unknown> = Promise.resolve();
  private unconfirmed: Promise<void>[] = [];

  constructor(private readonly inFlight = 2) {}

  /**
   * Waits for room (throwing an earlier batch's failure), then starts `send`, and `confirm` with
   * what it sent once that resolves; returns without waiting for either.
   */
  async start(send: () => Promise<Sent>, confirm: (sent: Sent) => Promise<void>): Promise<void> {
    await this.lastSent;
    while (this.unconfirmed.length >= this.inFlight) await this.unconfirmed.shift();
    const sent = send();
    const confirmed = sent.then(confirm);
    // Both are awaited later (next batch, drain, settle): not unhandled rejections meanwhile.
    sent.catch(ignore);
    confirmed.catch(ignore);
    this.lastSent = sent;
    this.unconfirmed.push(confirmed);
  }

  /** Waits until every batch is confirmed; throws the first failure. */
  async drain(): Promise<void> {
    await this.lastSent;
    while (this.unconfirmed.length > 0) await this.unconfirmed.shift();
  }

  /** Waits for the batches under way, ignoring their failures: for a caller already failing. */
  async settle(): Promise<void> {
    await Promise.allSettled([this.lastSent, ...this.unconfirmed]);
  }
}

/** Runs `read`, which feeds `writer`; on failure, waits for the batches under way before rethrowing. */
export async function settlingOnFailure(writer: { settle(): Promise<void> }, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (error) {
    await writer.settle();
    throw error;
  }
}
