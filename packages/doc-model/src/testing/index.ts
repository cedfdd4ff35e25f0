export { mulberry32, seeded, type Random } from './random.ts'
