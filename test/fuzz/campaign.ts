/**
 * One fuzz campaign: corpus files damaged by every mutator, hostile inputs at full size, and
 * scaling probes, each through every parser of its family and through the whole engine. The
 * `bounded` mode is what `npm test` runs (a few seconds); `long` is `node scripts/fuzz.mjs --long`.
 * Everything derives from one seed, so any failure is replayed by its case id and seed.
 */
import { defaultConfig } from '../../src/core/config/defaults';
import type { EngineConfig } from '../../src/core/config/types';
import { FAMILIES, sampleSeeds, type Family, type SeedFile } from './corpus';
import { HOSTILE_INPUTS, engineText, type HostileInput } from './hostile';
import { BYTE_MUTATORS, TEXT_MUTATORS, breakerFor, encodeUtf8 } from './mutators';
import { createRandom, deriveSeed } from './random';
import { checkEngine, checkParse, STACK_EXHAUSTION } from './invariants';
import { cpuNow, measureAsync, measureSync, perKiloChar } from './measure';
import { FUZZ_WORKSPACE, lintOne, parserTargetsFor, workspaceName, type ParserTarget } from './targets';

export type CampaignMode = 'bounded' | 'long';

export interface CampaignOptions {
  mode: CampaignMode;
  seed: number;
  /** Only cases whose id contains this text (to replay one failure). */
  only?: string;
  /** Called before each case starts, so a supervisor can name the case that hangs. */
  onCase?: (id: string) => void;
  /** Called for each failure as it is found, so a supervisor keeps them if the run dies later. */
  onFailure?: (failure: Failure) => void;
}

export interface Failure {
  caseId: string;
  problems: string[];
}

export interface CampaignReport {
  mode: CampaignMode;
  seed: number;
  /** Distinct inputs built (mutated files, hostile inputs, encodings). */
  inputs: number;
  parserRuns: number;
  engineRuns: number;
  scalingChecks: number;
  failures: Failure[];
  /** Deep inputs whose stack overflow was caught and reported as a parse problem. */
  stackExhaustions: number;
  largest: { caseId: string; chars: number; cpuMs: number; retainedMiB: number };
  slowest: { caseId: string; cpuMs: number };
  worstScaling: { caseId: string; ratio: number };
  cpuMs: number;
  /** CPU time per part of the campaign, to keep the bounded mode within its budget. */
  sectionCpuMs: Record<string, number>;
}

interface Plan {
  seedsPerFamily: number;
  mutationsPerSeed: number;
  byteMutationsPerSeed: number;
  /** Build hostile inputs at their bounded size (when they have one) instead of their full size. */
  boundedSizes: boolean;
  /** Scaling probes compare size n/ratio with n, with n = the case size × scalingScale. */
  scalingScale: number;
  scalingRatio: number;
  scalingRounds: number;
  /** Engine scaling probes use n = the case size × this (the engine costs more per character than a parser). */
  engineScalingScale: number;
  /** How many of a family's parser targets each hostile input goes through (the engine always). */
  hostileTargets: number;
}

const PLANS: Record<CampaignMode, Plan> = {
  bounded: { seedsPerFamily: 3, mutationsPerSeed: 6, byteMutationsPerSeed: 2, boundedSizes: true, scalingScale: 1 / 16, scalingRatio: 8, scalingRounds: 2, engineScalingScale: 1, hostileTargets: 1 },
  long: { seedsPerFamily: 15, mutationsPerSeed: 20, byteMutationsPerSeed: 7, boundedSizes: false, scalingScale: 1, scalingRatio: 8, scalingRounds: 3, engineScalingScale: 1 / 4, hostileTargets: Number.POSITIVE_INFINITY },
};

/** Input larger than this through the engine needs a raised size limit (the default skips it). */
const ENGINE_CONFIG: EngineConfig = { ...defaultConfig(), maxFileSizeBytes: 64 * 1024 * 1024 };

/** A parse may hold this much heap beyond its input's size × RETAINED_PER_CHAR. */
const RETAINED_FLOOR = 48 * 2 ** 20;
const RETAINED_PER_CHAR = 120;
/** Per-1,000-characters time at full size may be at most this multiple of the small size's. */
const SCALING_LIMIT = 4;
/** A damaged file may cost this multiple of the undamaged one (size-adjusted) plus the slack. */
const MUTATED_TIME_FACTOR = 25;
const MUTATED_TIME_SLACK_MS = 150;

class Campaign {
  readonly report: CampaignReport;

  constructor(private readonly options: CampaignOptions) {
    this.report = {
      mode: options.mode,
      seed: options.seed,
      inputs: 0,
      parserRuns: 0,
      engineRuns: 0,
      scalingChecks: 0,
      failures: [],
      stackExhaustions: 0,
      largest: { caseId: '', chars: 0, cpuMs: 0, retainedMiB: 0 },
      slowest: { caseId: '', cpuMs: 0 },
      worstScaling: { caseId: '', ratio: 0 },
      cpuMs: 0,
      sectionCpuMs: {},
    };
  }

  private wanted(id: string): boolean {
    return this.options.only === undefined || id.includes(this.options.only);
  }

  private fail(caseId: string, problems: string[]): void {
    if (problems.length === 0) return;
    this.report.failures.push({ caseId, problems });
    this.options.onFailure?.({ caseId, problems });
  }

  private note(caseId: string, chars: number, cpuMs: number, retainedBytes: number): void {
    this.report.cpuMs += cpuMs;
    if (cpuMs > this.report.slowest.cpuMs) this.report.slowest = { caseId, cpuMs };
    if (chars > this.report.largest.chars) this.report.largest = { caseId, chars, cpuMs, retainedMiB: retainedBytes / 2 ** 20 };
  }

  /** Runs one text through one parser; returns its CPU time (or undefined when it failed). */
  parse(caseId: string, target: ParserTarget, text: string, budgetMs?: number, withHeap = false): number | undefined {
    const id = `${caseId} | ${target.name}`;
    this.options.onCase?.(id);
    this.report.parserRuns++;
    let measured;
    try {
      measured = measureSync(() => target.run(text), withHeap);
    } catch (error) {
      this.fail(id, [`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`]);
      return undefined;
    }
    const problems = checkParse(measured.value);
    if (measured.value.errors.some((e) => STACK_EXHAUSTION.test(e.message))) this.report.stackExhaustions++;
    if (budgetMs !== undefined && measured.cpuMs > budgetMs) problems.push(`took ${measured.cpuMs.toFixed(0)} ms CPU, over its budget of ${budgetMs.toFixed(0)} ms`);
    const limit = RETAINED_FLOOR + RETAINED_PER_CHAR * text.length;
    if (withHeap && measured.retainedBytes > limit) problems.push(`holds ${(measured.retainedBytes / 2 ** 20).toFixed(0)} MiB for ${text.length} characters of input`);
    this.fail(id, problems);
    this.note(id, text.length, measured.cpuMs, measured.retainedBytes);
    return measured.cpuMs;
  }

  async lint(caseId: string, family: Family, baseName: string, content: Uint8Array | string, broken: boolean, withHeap = false): Promise<void> {
    const id = `${caseId} | engine`;
    this.options.onCase?.(id);
    this.report.engineRuns++;
    const path = `${FUZZ_WORKSPACE}/${family}/${workspaceName(family, baseName)}`;
    try {
      const measured = await measureAsync(() => lintOne(path, content, ENGINE_CONFIG), withHeap);
      const problems = checkEngine(measured.value, path, content, { broken });
      const chars = typeof content === 'string' ? content.length : content.byteLength;
      const limit = RETAINED_FLOOR + RETAINED_PER_CHAR * chars;
      if (withHeap && measured.retainedBytes > limit) problems.push(`holds ${(measured.retainedBytes / 2 ** 20).toFixed(0)} MiB for ${chars} bytes of input`);
      this.fail(id, problems);
      this.note(id, chars, measured.cpuMs, measured.retainedBytes);
    } catch (error) {
      this.fail(id, [`lint rejected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`]);
    }
  }

  async mutatedCorpus(family: Family, plan: Plan): Promise<void> {
    const random = createRandom(deriveSeed(this.options.seed, `corpus:${family}`));
    const seeds: SeedFile[] = sampleSeeds(family, plan.seedsPerFamily, random);
    const targets = parserTargetsFor(family);
    for (const seed of seeds) {
      const baseline = new Map<string, number>();
      for (const target of targets) {
        const cpu = this.parse(`${family} ${seed.name} (as is)`, target, seed.text);
        if (cpu !== undefined) baseline.set(target.name, cpu);
      }
      this.report.inputs++;
      const mutators = plan.mutationsPerSeed >= TEXT_MUTATORS.length ? [...TEXT_MUTATORS] : [];
      while (mutators.length < plan.mutationsPerSeed) mutators.push(random.pick(TEXT_MUTATORS));
      for (const [i, mutator] of mutators.entries()) {
        const caseSeed = deriveSeed(random.seed, `${seed.name}:${i}`);
        const caseId = `${family} ${seed.name} ${mutator.name} #${caseSeed}`;
        if (!this.wanted(caseId)) continue;
        const text = mutator.apply(seed.text, createRandom(caseSeed), family);
        this.report.inputs++;
        const sizeRatio = Math.max(1, text.length / Math.max(1, seed.text.length));
        for (const target of targets) {
          const budget = MUTATED_TIME_FACTOR * (baseline.get(target.name) ?? 0) * sizeRatio + MUTATED_TIME_SLACK_MS;
          this.parse(caseId, target, text, budget);
        }
        await this.lint(caseId, family, seed.baseName, text, false);
      }
      const breaker = breakerFor(family);
      const brokenId = `${family} ${seed.name} broken`;
      if (breaker && this.wanted(brokenId)) {
        this.report.inputs++;
        await this.lint(brokenId, family, seed.baseName, seed.text + breaker, true);
      }
      for (let i = 0; i < plan.byteMutationsPerSeed; i++) {
        const mutator = BYTE_MUTATORS[(random.int(0, BYTE_MUTATORS.length - 1) + i) % BYTE_MUTATORS.length];
        const caseSeed = deriveSeed(random.seed, `${seed.name}:bytes:${i}`);
        const caseId = `${family} ${seed.name} ${mutator.name} #${caseSeed}`;
        if (!this.wanted(caseId)) continue;
        this.report.inputs++;
        await this.lint(caseId, family, seed.baseName, mutator.apply(encodeUtf8(seed.text), createRandom(caseSeed)), false);
      }
    }
  }

  async hostile(input: HostileInput, plan: Plan): Promise<void> {
    const caseId = `hostile ${input.name}`;
    if (!this.wanted(caseId)) return;
    const text = input.build(sizeFor(input, plan));
    this.report.inputs++;
    // The bounded mode takes the family's main parser only; the engine runs the others' work anyway.
    const targets = parserTargetsFor(input.family).slice(0, plan.hostileTargets);
    for (const target of targets) this.parse(caseId, target, text, undefined, true);
    await this.lint(caseId, input.family, HOSTILE_FILE_NAMES[input.family], engineText(input, text), input.broken === true, true);
  }

  /** The engine's CPU time per 1,000 characters at two sizes of a many-objects input, best of three. */
  async engineScaling(input: HostileInput, plan: Plan): Promise<void> {
    const large = Math.max(2, Math.round(sizeFor(input, plan) * plan.engineScalingScale));
    const small = Math.max(1, Math.round(large / plan.scalingRatio));
    const caseId = `engine scaling ${input.name} ${small}→${large}`;
    if (!this.wanted(caseId)) return;
    this.options.onCase?.(caseId);
    this.report.scalingChecks++;
    const path = `${FUZZ_WORKSPACE}/${input.family}/${workspaceName(input.family, HOSTILE_FILE_NAMES[input.family])}`;
    const texts = [engineText(input, input.build(small)), engineText(input, input.build(large))];
    const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let round = 0; round < 3; round++) {
      for (const [i, text] of texts.entries()) {
        this.options.onCase?.(`${caseId} (round ${round + 1}, ${i === 0 ? 'small' : 'large'})`);
        const started = cpuNow();
        await lintOne(path, text, ENGINE_CONFIG);
        best[i] = Math.min(best[i], cpuNow() - started);
      }
    }
    const perKilo = best.map((ms, i) => ms / (texts[i].length / 1000));
    // The small run carries the engine's fixed cost per lint; a floor keeps noise from deciding.
    const ratio = perKilo[1] / Math.max(perKilo[0], 0.0005);
    if (ratio > this.report.worstScaling.ratio) this.report.worstScaling = { caseId, ratio };
    if (ratio > SCALING_LIMIT) this.fail(caseId, [`the engine took ${ratio.toFixed(1)}x the per-character time at ${plan.scalingRatio}x the size (${best[0].toFixed(0)} → ${best[1].toFixed(0)} ms)`]);
  }

  /** Per-1,000-character time at full size against a small size of the same shape. */
  scaling(input: HostileInput, plan: Plan): void {
    const large = Math.max(2, Math.round(sizeFor(input, plan) * plan.scalingScale));
    const small = Math.max(1, Math.round(large / plan.scalingRatio));
    const smallText = input.build(small);
    const largeText = input.build(large);
    for (const target of parserTargetsFor(input.family)) {
      const caseId = `scaling ${input.name} ${small}→${large} | ${target.name}`;
      if (!this.wanted(caseId)) continue;
      this.options.onCase?.(caseId);
      this.report.scalingChecks++;
      let rates: { small: number; large: number };
      try {
        rates = perKiloChar(smallText, largeText, (text) => target.run(text), plan.scalingRounds);
      } catch (error) {
        this.fail(caseId, [`threw: ${String(error)}`]);
        continue;
      }
      // Sub-millisecond measurements are timer noise; a floor keeps them from deciding.
      const ratio = rates.large / Math.max(rates.small, 0.0005);
      if (ratio > this.report.worstScaling.ratio) this.report.worstScaling = { caseId, ratio };
      if (ratio > SCALING_LIMIT) {
        // Confirm at twice both sizes before calling it superlinear: one GC pause can double a
        // small run, while a quadratic cost only grows with size.
        const again = perKiloChar(input.build(small * 2), input.build(large * 2), (text) => target.run(text), 3);
        const confirmed = again.large / Math.max(again.small, 0.0005);
        if (confirmed > SCALING_LIMIT) {
          this.fail(caseId, [`${confirmed.toFixed(1)}x the per-character time at ${plan.scalingRatio}x the size (${again.small.toFixed(3)} → ${again.large.toFixed(3)} ms per 1,000 characters)`]);
        }
      }
    }
  }
}

/** File names that make the engine parse a hostile input of each family. */
const HOSTILE_FILE_NAMES: Record<Family, string> = {
  hcl: 'main.tf',
  'hcl-json': 'main.tf.json',
  yaml: 'manifest.yaml',
  json: 'appsettings.json',
  properties: 'application.properties',
  dotenv: '.env',
  mosquitto: 'mosquitto.conf',
};

function sizeFor(input: HostileInput, plan: Plan): number {
  return plan.boundedSizes ? (input.boundedSize ?? input.fullSize) : input.fullSize;
}

/** Hostile inputs whose size parameter is a count of levels of an exponential bomb do not scale linearly by design. */
function scales(input: HostileInput): boolean {
  return input.fullSize >= 1_000;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const plan = PLANS[options.mode];
  const campaign = new Campaign(options);
  const section = async (name: string, run: () => Promise<void> | void) => {
    const started = cpuNow();
    await run();
    campaign.report.sectionCpuMs[name] = (campaign.report.sectionCpuMs[name] ?? 0) + cpuNow() - started;
  };
  for (const family of FAMILIES) await section(`corpus ${family}`, () => campaign.mutatedCorpus(family, plan));
  for (const input of HOSTILE_INPUTS) await section(`hostile ${input.name}`, () => campaign.hostile(input, plan));
  for (const input of HOSTILE_INPUTS.filter(scales)) await section(`scaling ${input.name}`, () => campaign.scaling(input, plan));
  for (const input of HOSTILE_INPUTS.filter((h) => h.engineScaling)) await section(`engine scaling ${input.name}`, () => campaign.engineScaling(input, plan));
  return campaign.report;
}
