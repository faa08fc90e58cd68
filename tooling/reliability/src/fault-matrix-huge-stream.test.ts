import { describeHugeCells } from './test-utils/describe-huge-cells.js';

// The lines of the matrix with 50 MB bodies in completion() and stream() are in files of their own (one per call mode)
// so that they run in workers of their own.
describeHugeCells('stream');
