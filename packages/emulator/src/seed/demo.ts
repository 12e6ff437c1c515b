import type { EmulatorContext } from '../context.js';

/** Fills a new data folder with realistic demo data. */
export function seedDemo(_ctx: EmulatorContext): void {
  // Filled in below.
}
