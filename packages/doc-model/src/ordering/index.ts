export * from './rank.ts'
export * from './rankedMap.ts'
