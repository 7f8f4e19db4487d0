/** The HCL tests use the one seeded PRNG of the test suites (mulberry32, in test/fuzz/random.ts). */
export { createRandom, type Random } from '../../../fuzz/random';
