export * from './cases';
export * from './auth';
export * from './audit';
export * from './case-records';
export * from './petitions';
export * from './cache';
export * from './letters';
export * from './jobs';
