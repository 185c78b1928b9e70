/**
 * A `SyntaxAnalyzer` that spreads files over worker threads, each running the in-process analyzer
 * (`syntax-worker.ts`), and, when asked, over the main thread too: it has nothing else to do while a batch is parsed,
 * so on 2 cores one worker and the main thread are two parsers. Results are the same plain data, matched to their
 * caller by id, so order and bytes do not depend on which thread answered first. A worker that fails (crash, missing
 * script, bad reply) ends the pool: every file not yet answered, and every later one, is analyzed in-process, with
 * one warning.
 */
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../shared/types.js';
import { checkParseable } from './file-guards.js';
import { hasGrammar } from './grammar-registry.js';
import { TreeSitterAnalyzer } from './syntax-analyzer.js';
import type { FileSyntax, SyntaxFailure } from './syntax-types.js';
import type { SyntaxWorkerReply, SyntaxWorkerRequest } from './syntax-worker.js';

/**
 * Files posted to one worker before its first reply comes back. More than one keeps a worker busy while the main
 * thread handles a reply (or parses a file of its own); each in-flight file is one copy of its text, so the number
 * stays small.
 */
const IN_FLIGHT_PER_WORKER = 4;

/** How the pool runs. */
export interface SyntaxWorkerPoolOptions {
  /** Worker threads to start (at least 1). */
  readonly workers: number;
  /** The compiled worker script (`syntax-worker.js`). */
  readonly workerUrl: URL;
  /** Told once when a worker fails and the rest of the files are analyzed in-process. */
  readonly onWarning?: (message: string) => void;
  /**
   * The main thread takes queued files too, one per event-loop turn (so replies are still handled between them), with
   * this analyzer (owned by the caller, not disposed here); it also serves the fallback. Absent: workers only.
   */
  readonly mainThread?: InProcessAnalyzer;
}

/** What the main thread parses with: the in-process analyzer, or anything that answers like it. */
export interface InProcessAnalyzer {
  analyze(file: SourceFile): Promise<FileSyntax | SyntaxFailure>;
}

interface Task {
  readonly id: number;
  readonly file: SourceFile;
  readonly resolve: (result: FileSyntax | SyntaxFailure) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly inFlight: Map<number, Task>;
}

/** See the module comment. Workers start on the first file that needs a parse, or on `prewarm`; `dispose` ends them. */
export class SyntaxWorkerPool {
  private readonly queue: Task[] = [];
  private slots: Slot[] | undefined;
  private fallback: TreeSitterAnalyzer | undefined;
  private isBroken = false;
  private isMainParsing = false;
  private nextId = 0;

  constructor(private readonly options: SyntaxWorkerPoolOptions) {}

  supports(language: string | undefined): boolean {
    return hasGrammar(language);
  }

  /** True once workers were started (by a file or a pre-warm) and none has failed. */
  get isStarted(): boolean {
    return this.slots !== undefined && !this.isBroken;
  }

  /**
   * Start the workers now and have each load these languages' grammars, so the first batch does not wait for it.
   * The workers stay unreferenced: a pool that is never used neither delays the process's exit nor needs the caller.
   */
  prewarm(languages: readonly string[]): void {
    if (this.isBroken) return;
    const warm = languages.filter((language) => hasGrammar(language));
    const request: SyntaxWorkerRequest = { warm };
    for (const slot of this.startedSlots()) {
      if (warm.length > 0) slot.worker.postMessage(request);
      holdWhileBusy(slot);
    }
  }

  analyze(file: SourceFile): Promise<FileSyntax | SyntaxFailure> {
    // Cheap refusals are answered here: the file's text is not copied to a worker only to be refused there.
    if (!hasGrammar(file.language)) return Promise.resolve({ failure: 'unsupported-language', detail: String(file.language) });
    const guard = checkParseable(file);
    if (guard) return Promise.resolve(guard);
    if (this.isBroken) return this.inProcess().analyze(file);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, file, resolve });
      this.pump();
      this.startMainThread();
    });
  }

  dispose(): void {
    this.isBroken = true;
    this.terminateAll();
    this.fallback?.dispose();
    this.fallback = undefined;
  }

  private startedSlots(): Slot[] {
    return (this.slots ??= this.startWorkers());
  }

  private pump(): void {
    for (const slot of this.startedSlots()) {
      while (slot.inFlight.size < IN_FLIGHT_PER_WORKER && this.queue.length > 0) {
        const task = this.queue.shift()!;
        slot.inFlight.set(task.id, task);
        const { path, bytes, kind, language, encoding, text } = task.file;
        const request: SyntaxWorkerRequest = { id: task.id, file: { path, bytes, kind, language, encoding, text } };
        slot.worker.postMessage(request);
      }
      holdWhileBusy(slot);
    }
  }

  /**
   * The main thread's share: one queued file per turn of the event loop (`setImmediate`), so worker replies are
   * handled, and workers refilled, between its files. Stops when the queue is empty or the pool ended.
   */
  private startMainThread(): void {
    const analyzer = this.options.mainThread;
    if (analyzer === undefined || this.isMainParsing) return;
    this.isMainParsing = true;
    const step = (): void => {
      const task = this.isBroken ? undefined : this.queue.shift();
      if (task === undefined) {
        this.isMainParsing = false;
        return;
      }
      void analyzer.analyze(task.file).then((result) => {
        task.resolve(result);
        setImmediate(step);
      });
    };
    setImmediate(step);
  }

  private startWorkers(): Slot[] {
    return Array.from({ length: Math.max(1, this.options.workers) }, () => {
      const slot: Slot = { worker: new Worker(this.options.workerUrl), inFlight: new Map() };
      slot.worker.on('message', (reply: SyntaxWorkerReply) => this.receive(slot, reply));
      slot.worker.on('error', (error) => this.fail(`worker failed: ${error.message}`));
      slot.worker.on('messageerror', (error) => this.fail(`worker reply unreadable: ${error.message}`));
      slot.worker.on('exit', (code) => this.fail(`worker exited with code ${code}`));
      return slot;
    });
  }

  private receive(slot: Slot, reply: SyntaxWorkerReply): void {
    const task = slot.inFlight.get(reply.id);
    if (!task) return;
    if ('error' in reply) {
      this.fail(`worker threw on ${task.file.path}: ${reply.error}`);
      return;
    }
    slot.inFlight.delete(reply.id);
    task.resolve(reply.result);
    if (!this.isBroken) this.pump();
  }

  /** Ends the pool; every unanswered file goes to the in-process analyzer, in the order it was asked for. */
  private fail(reason: string): void {
    if (this.isBroken) return;
    this.isBroken = true;
    this.options.onWarning?.(`syntax worker stopped, analyzing the remaining files in-process: ${reason}`);
    const pending = [...(this.slots ?? []).flatMap((slot) => [...slot.inFlight.values()]), ...this.queue];
    pending.sort((a, b) => a.id - b.id);
    this.queue.length = 0;
    this.terminateAll();
    for (const task of pending) void this.inProcess().analyze(task.file).then(task.resolve);
  }

  private terminateAll(): void {
    for (const slot of this.slots ?? []) {
      slot.inFlight.clear();
      slot.worker.removeAllListeners();
      // A listener stays so a late 'error' from a terminating worker is not an uncaught exception.
      slot.worker.on('error', () => undefined);
      void slot.worker.terminate();
    }
    this.slots = [];
  }

  private inProcess(): InProcessAnalyzer {
    return this.options.mainThread ?? (this.fallback ??= new TreeSitterAnalyzer());
  }
}

/** An idle worker must not keep the process alive; a busy one must, or the awaited reply would never come. */
function holdWhileBusy(slot: Slot): void {
  if (slot.inFlight.size > 0) slot.worker.ref();
  else slot.worker.unref();
}
