/** Copy the importer cannot use at all (empty, binary, too large, malformed feed). The glue answers 400. */
export class WireInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireInputError';
  }
}

/**
 * Longest copy accepted, in characters. A wire story is a few thousand (the sample: 3,237), a long
 * feature in NITF or ninjs a few tens of thousands; 200,000 still takes a saved article page (HTML
 * with its menus). Extraction runs on the request thread and grows with the length (measured: ~1.3 s
 * for 200,000 characters against ~6 s for 1,000,000 on a loaded 2-core machine), so the limit is
 * what bounds the time one request can hold it. Mirrored by the plugin's IMPORT_MAX_CHARS.
 */
export const MAX_WIRE_CHARS = 200_000;
