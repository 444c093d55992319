import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingCreateParams } from 'openai/resources/embeddings';
import { readEmbeddingsResponse } from './read-embeddings-response.js';

/**
 * LangChain's `OpenAIEmbeddings` with every reply checked by
 * `readEmbeddingsResponse`: LangChain indexes `data[j].embedding` blindly, so
 * a reply one vector short or an HTML page failed as
 * `Cannot read properties of undefined`. Each call is one request; the
 * caller cuts the batches.
 */
export class CheckedOpenAIEmbeddings extends OpenAIEmbeddings {
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const response = await this.embeddingWithRetry(this.request(texts.map((text) => this.clean(text))));
    return readEmbeddingsResponse(response, texts.length);
  }

  override async embedQuery(text: string): Promise<number[]> {
    const response = await this.embeddingWithRetry(this.request(this.clean(text)));
    return readEmbeddingsResponse(response, 1)[0] ?? [];
  }

  /** The request LangChain itself would send, so vectors match the ones already indexed. */
  private request(input: string | string[]): EmbeddingCreateParams {
    const params: EmbeddingCreateParams = { model: this.model, input };
    if (this.dimensions !== undefined) params.dimensions = this.dimensions;
    if (this.encodingFormat !== undefined) params.encoding_format = this.encodingFormat;
    return params;
  }

  private clean(text: string): string {
    return this.stripNewLines ? text.replace(/\n/g, ' ') : text;
  }
}
