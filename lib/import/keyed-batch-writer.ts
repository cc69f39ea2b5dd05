/**
 * Lines keyed by an identifier (SIRET, SIREN), sent in batches through the write pipeline
 * (lib/import/write-pipeline.ts) and counted once their writes are confirmed; a key repeated
 * within a batch is rejected there. A writer says how a batch is written (`send`).
 */
import type { Outcome } from "@/lib/import/report";
import type { SentWrites } from "@/lib/import/store/sql-store";
import type { ImportContext } from "@/lib/import/types";
import { WritePipeline } from "@/lib/import/write-pipeline";

export interface KeyedLine<Input> {
  line: number;
  key: string;
  input: Input;
}

export interface SentKeyedBatch {
  writes: SentWrites;
  /** One per line written or found unchanged (duplicates rejected by `send` have none). */
  outcomes: Outcome[];
}

export abstract class KeyedBatchWriter<Input> {
  private batch = new Map<string, KeyedLine<Input>>();
  private readonly pipeline = new WritePipeline<SentKeyedBatch>();

  constructor(
    protected readonly context: ImportContext,
    private readonly batchSize: number,
    /** "SIRET": for « doublon : même SIRET qu'à la ligne 12 ». */
    private readonly keyName: string,
  ) {}

  /** Reads what the batch's rows are now and sends what changes, without waiting for the writes. */
  protected abstract send(pending: KeyedLine<Input>[]): Promise<SentKeyedBatch>;

  async add(line: number, key: string, input: Input): Promise<void> {
    const earlier = this.batch.get(key);
    if (earlier) {
      this.context.report.reject(line, key, `doublon : même ${this.keyName} qu'à la ligne ${earlier.line}`);
      return;
    }
    this.batch.set(key, { line, key, input });
    if (this.batch.size >= this.batchSize) await this.startWriting();
  }

  /** Writes what is pending, and waits until everything is written. */
  async flush(): Promise<void> {
    await this.startWriting();
    await this.pipeline.drain();
  }

  /** Waits for the batches under way, ignoring their failures: the caller is already failing. */
  async settle(): Promise<void> {
    await this.pipeline.settle();
  }

  private async startWriting(): Promise<void> {
    if (this.batch.size === 0) return;
    const pending = [...this.batch.values()];
    this.batch = new Map();
    await this.pipeline.start(
      () => this.send(pending),
      async ({ writes, outcomes }) => {
        await writes.done();
        for (const outcome of outcomes) this.context.report.count(outcome);
      },
    );
  }
}
