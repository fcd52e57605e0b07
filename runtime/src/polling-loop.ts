/** What a polling loop runs each round, and when it may go straight on to the next one. */
export interface PollingLoopOptions<R> {
  /** One round of work; a throw is reported and counted as `idle`. */
  round: () => Promise<R>;
  /** The result to use for a round that threw. */
  idle: R;
  /** True when the round left more to do, so the next one starts without pausing. */
  busy: (result: R) => boolean;
  /** Pause between rounds that found nothing more to do (real time). */
  pauseMs: number;
  /** Runs after every round (housekeeping such as purging). */
  afterRound?: () => Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * A background loop of rounds with a pause between idle ones, stoppable at once (the pause is
 * cut short). Shared by the timer scheduler and the outbox dispatcher.
 */
export class PollingLoop<R> {
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;

  constructor(private readonly options: PollingLoopOptions<R>) {}

  get running(): boolean {
    return this.#running;
  }

  /** Starts the loop; resolves with the first round's result (what was due at start). */
  start(): Promise<R> {
    if (this.#running) return Promise.resolve(this.options.idle);
    this.#running = true;
    let first!: (result: R) => void;
    const firstRound = new Promise<R>((resolve) => (first = resolve));
    this.#loop = (async () => {
      let initial = true;
      while (this.#running) {
        const result = await this.options.round().catch((error: unknown): R => {
          this.options.onError?.(error);
          return this.options.idle;
        });
        if (initial) {
          initial = false;
          first(result);
        }
        await this.options.afterRound?.();
        if (!this.#running || this.options.busy(result)) continue;
        await new Promise<void>((resolve) => {
          const timeout = setTimeout(resolve, this.options.pauseMs);
          this.#wake = () => {
            clearTimeout(timeout);
            resolve();
          };
        });
        this.#wake = null;
      }
    })();
    return firstRound;
  }

  /** Stops the loop and waits for the round under way. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    this.#loop = null;
  }
}
