export * from './childPugh';
export * from './albi';
export * from './meld';
export * from './bsa';
export * from './y90';
export * from './response';
export * from './ctcae';
