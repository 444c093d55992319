import type { Config, OpenAIOptions } from '../config/config-schema.js';
import { FootnoteError } from '../shared/errors.js';
import { createEmbedder } from './create-embedder.js';
import { parseEmbedderIdentity, type Embedder, type EmbedderIdentity } from './embedder.js';
import type { ProviderFetchDependencies } from './provider-fetch.js';

/**
 * The one embedder a footnote session uses, created on first need and kept.
 * An OpenAI-compatible embedder's vector length is either read from the index
 * (to spare the server a request on every start) or probed from the server,
 * and which one is right depends on the job: searching trusts the index,
 * writing an index must know the truth.
 */
export interface EmbedderSession {
  /** For searching an index that names `indexed` as its embedder (`id@version/dimensions`), or none. */
  forSearch(indexed: string | null): Promise<Embedder>;
  /** For writing an index; `full` asks the server again, since a long chat session may outlive its model. */
  forIndexing(full: boolean): Promise<Embedder>;
  /**
   * After an `EMBEDDER_MISMATCH` of one model with itself (the server now
   * gives another length), forgets the embedder so the next call derives it
   * afresh; true when it did, so the caller drops what it built on it.
   */
  forgetOn(error: unknown): boolean;
}

/**
 * A session over `config`'s provider; `fixed` (tests, eval) is used as it is
 * and never replaced. `fetchDependencies` go to every OpenAI embedder it creates.
 */
export function createEmbedderSession(
  config: Pick<Config, 'provider'>,
  openai: OpenAIOptions | undefined,
  fixed?: Embedder,
  fetchDependencies?: ProviderFetchDependencies,
): EmbedderSession {
  let current: Promise<Embedder> | null = fixed ? Promise.resolve(fixed) : null;

  function create(indexedIdentity: EmbedderIdentity | undefined): Promise<Embedder> {
    const created = createEmbedder(config.provider, { openai, indexedIdentity, fetchDependencies });
    // A failed creation (say, a server that is down) must not stick for the session.
    created.catch(() => {
      if (current === created) current = null;
    });
    current = created;
    return created;
  }

  function kept(indexed: string | null): Promise<Embedder> {
    if (current) return current;
    const identity = config.provider === 'openai' && indexed !== null ? parseEmbedderIdentity(indexed) : null;
    return create(identity ?? undefined);
  }

  return {
    async forSearch(indexed) {
      const embedder = await kept(indexed);
      const identity = indexed === null ? null : parseEmbedderIdentity(indexed);
      // The same model at a length an earlier index run of this session
      // probed, while another process has rebuilt the index since: take the
      // length from the index, as a new session would; the first query
      // checks it against the server.
      const stale = embedder.dimensionsFromIndex === false &&
        identity?.id === embedder.identity.id &&
        identity.dimensions !== embedder.identity.dimensions;
      if (!stale) return embedder;
      current = null;
      return kept(indexed);
    },

    async forIndexing(full) {
      if (!current) return create(undefined);
      const embedder = await current;
      if (fixed) return embedder;
      const probed = embedder.dimensionsFromIndex === false;
      return embedder.dimensionsFromIndex === true || (full && probed) ? create(undefined) : embedder;
    },

    forgetOn(error) {
      if (fixed || !FootnoteError.isInstance(error) || error.code !== 'EMBEDDER_MISMATCH') return false;
      const [indexed, now] = [error.facts['indexed'], error.facts['current']].map((identity) =>
        parseEmbedderIdentity(String(identity))?.id,
      );
      if (indexed === undefined || indexed !== now) return false;
      current = null;
      return true;
    },
  };
}
