/** Copy the importer cannot use at all (empty, binary, too large, malformed feed). The glue answers 400. */
export class WireInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireInputError';
  }
}

/** Longest copy accepted, in characters: a wire story is a few thousand; 1,000,000 is a pasted book. */
export const MAX_WIRE_CHARS = 1_000_000;
