import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Passage } from '../shared/types.js';

/** Metadata each LangChain document carries: where the passage is, for citations. */
export interface PassageMetadata {
  chunkId: number;
  source: string;
  startLine: number;
  endLine: number;
  page: number | null;
  score: number;
}

/**
 * footnote's retrieval as a LangChain `BaseRetriever`, so the index can feed
 * any LangChain chain. Each document's `metadata` says where the passage is.
 *
 * @example
 * const retriever = new FootnoteRetriever({ retrieve: (q) => footnote.retrieve(q) });
 * const documents = await retriever.invoke('Who led the team?');
 */
export class FootnoteRetriever extends BaseRetriever {
  static override lc_name(): string {
    return 'FootnoteRetriever';
  }

  lc_namespace = ['footnote', 'retrievers'];

  private readonly retrieve: (question: string) => Promise<Passage[]>;

  constructor(fields: BaseRetrieverInput & { retrieve: (question: string) => Promise<Passage[]> }) {
    super(fields);
    this.retrieve = fields.retrieve;
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<PassageMetadata>[]> {
    const passages = await this.retrieve(query);
    return passages.map(
      (passage) =>
        new Document<PassageMetadata>({
          pageContent: passage.text,
          metadata: {
            chunkId: passage.id,
            source: passage.source,
            startLine: passage.startLine,
            endLine: passage.endLine,
            page: passage.page,
            score: passage.score,
          },
        }),
    );
  }
}
