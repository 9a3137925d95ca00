import type { PopulationLoader } from '../modules/demo/load-demo.ts';

/** The synthetic population generator, when present (src/modules/generator). */
export async function populationLoader(): Promise<PopulationLoader | undefined> {
  try {
    const mod = (await import('../modules/generator/generate-population.ts')) as {
      generatePopulation?: PopulationLoader;
    };
    return mod.generatePopulation;
  } catch {
    return undefined;
  }
}
