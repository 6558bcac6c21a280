import { benchIngest } from './bench/ingest';
await benchIngest();
