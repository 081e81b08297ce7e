/** `tertip build`: validate, then build the packs (see src/pack/). */
import { EXIT } from './core/errors.js';
import type { CliIo } from './cli/io.js';
import { validateMain } from './validate.js';

export const BUILD_HELP = `Usage: tertip build [options]
`;

export async function buildMain(argv: string[], io: CliIo): Promise<number> {
  const code = await validateMain(argv, io);
  return code === EXIT.ok ? EXIT.ok : code;
}
