export * from './auth';
export * from './tenancy';
export * from './audit';
export * from './mail';
export * from './companies';
export * from './imports';
export * from './desk';
export * from './plans';
