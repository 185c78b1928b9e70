/**
 * The worker side of `SyntaxWorkerPool`: runs the in-process analyzer on files posted by the main thread and posts
 * back the same plain-data results. Grammars load lazily here too, once per language per worker, or ahead of the
 * first file when the pool is pre-warmed.
 */
import { parentPort } from 'node:worker_threads';
import type { SourceFile } from '../shared/types.js';
import { TreeSitterAnalyzer } from './syntax-analyzer.js';
import type { FileSyntax, SyntaxFailure } from './syntax-types.js';

/**
 * What the pool posts: one file to analyze, tagged so the reply finds its caller; or languages whose grammars to
 * load now (a pre-warm: no reply).
 */
export type SyntaxWorkerRequest = { readonly id: number; readonly file: SourceFile } | { readonly warm: readonly string[] };

/** What the worker posts back: the analyzer's result, or why it threw (it should not: failures are data). */
export type SyntaxWorkerReply =
  | { readonly id: number; readonly result: FileSyntax | SyntaxFailure }
  | { readonly id: number; readonly error: string };

const port = parentPort;
if (port) {
  const analyzer = new TreeSitterAnalyzer();
  // Requests are answered in the order they arrive; the pool matches replies by id either way.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (request: SyntaxWorkerRequest) => {
    previous = previous.then(async () => {
      if ('warm' in request) {
        for (const language of request.warm) await analyzer.preload(language);
        return;
      }
      let reply: SyntaxWorkerReply;
      try {
        reply = { id: request.id, result: await analyzer.analyze(request.file) };
      } catch (error) {
        reply = { id: request.id, error: String(error) };
      }
      port.postMessage(reply);
    });
  });
}
