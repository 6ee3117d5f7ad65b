import { buildExtension } from '../../scripts/build.ts';

/** Builds the extension once before the e2e files run (skipped when `npm test` has just built it). */
export default async function setup(): Promise<void> {
  if (process.env.VR_BUILT === '1') return;
  await buildExtension({ quiet: true });
}
