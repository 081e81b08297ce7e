/** Placeholder for the build's render requests (implemented with the build). */
import type { ParsedSpec } from '../validate/file.js';

export interface RenderRequest {
  type: 'render';
}

export async function handleRender(_req: RenderRequest, _parsed: Map<string, ParsedSpec>): Promise<unknown> {
  throw new Error('rendering is not available in this version');
}
