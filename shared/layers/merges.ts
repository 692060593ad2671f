// The element-wise merges besides Add: one shared definition (elementwiseMerge), five classes.
import { elementwiseMerge } from './elementwiseMerge';

export const multiply = elementwiseMerge({
  kerasClass: 'Multiply',
  namePrefix: 'multiply',
  verb: 'multiply',
  summary:
    'Multiplies its inputs number by number, as in an attention or gating branch that scales another branch.',
  result: 'the product',
  operation: 'element-wise product',
});

export const average = elementwiseMerge({
  kerasClass: 'Average',
  namePrefix: 'average',
  verb: 'average',
  summary:
    'Averages its inputs number by number: the sum divided by the number of inputs, as when combining the outputs of several models.',
  result: 'the mean',
  operation: 'element-wise mean',
});

export const maximum = elementwiseMerge({
  kerasClass: 'Maximum',
  namePrefix: 'maximum',
  verb: 'take the maximum of',
  summary: 'Keeps, at every position, the largest of its inputs’ numbers.',
  result: 'the largest value at each position',
  operation: 'element-wise maximum',
});

export const minimum = elementwiseMerge({
  kerasClass: 'Minimum',
  namePrefix: 'minimum',
  verb: 'take the minimum of',
  summary: 'Keeps, at every position, the smallest of its inputs’ numbers.',
  result: 'the smallest value at each position',
  operation: 'element-wise minimum',
});

export const subtract = elementwiseMerge({
  kerasClass: 'Subtract',
  namePrefix: 'subtract',
  maxInputs: 2,
  verb: 'subtract',
  summary:
    'Subtracts its second input from its first, number by number (exactly two inputs; the order of the wires matters).',
  result: 'first − second',
  operation: 'element-wise difference',
});
