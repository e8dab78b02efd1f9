import type { ParsedList, SourceId } from '../model.js';
import { parseEu } from './eu.js';
import { parseFtm } from './ftm.js';
import { parseOfac } from './ofac.js';
import { parseUk } from './uk.js';
import { parseUn } from './un.js';

/**
 * Parses one published list file (or, for OFAC, the folder of its files) into
 * canonical entities. Throws ListImportError for anything that cannot be trusted
 * whole, so the caller keeps the previous version live.
 */
export async function parseList(source: SourceId, input: { path: string }): Promise<ParsedList> {
  switch (source) {
    case 'ofac-sdn':
    case 'ofac-nonsdn':
      return parseOfac(source, input.path);
    case 'un':
      return parseUn(input.path);
    case 'eu':
      return parseEu(input.path);
    case 'uk':
      return parseUk(input.path);
    case 'ftm':
      return parseFtm(input.path);
  }
}
