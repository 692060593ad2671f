import { elementwiseMerge } from './elementwiseMerge';

export const add = elementwiseMerge({
  kerasClass: 'Add',
  namePrefix: 'add',
  verb: 'add',
  summary: 'Adds its inputs number by number, as in a ResNet skip connection.',
  result: 'the sum',
  operation: 'element-wise sum',
});
