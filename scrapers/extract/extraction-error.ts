export type ExtractionErrorCode = 'recipe_no_match' | 'extraction_empty' | 'extraction_timeout';

/**
 * Extraction found nothing usable: a recipe selector or field matched nothing (naming the field), or the
 * page has neither a price nor a name, or (extraction_timeout) the page took longer than the worker's hard time limit. Not retryable: fetching the same page again gives the same answer.
 */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  /** The recipe field that matched nothing ("price", "fields.returnDays"). */
  readonly field: string | undefined;
  readonly retryable = false;

  constructor(code: ExtractionErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
    this.field = field;
  }
}
