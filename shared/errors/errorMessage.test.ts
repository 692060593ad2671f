import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage';
import { CodedError, hasCode } from './codedError';

describe('errorMessage', () => {
  it('reads an Error by its message and anything else as text', () => {
    expect(errorMessage(new TypeError('bad shape'))).toBe('bad shape');
    expect(errorMessage('plain words')).toBe('plain words');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe('CodedError', () => {
  class SampleError extends CodedError<'missing' | 'corrupt'> {}

  it('carries its code, its message, its cause and its subclass name', () => {
    const cause = new Error('EIO');
    const e = new SampleError('corrupt', 'the file is damaged', { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('corrupt');
    expect(e.message).toBe('the file is damaged');
    expect(e.name).toBe('SampleError');
    expect(e.cause).toBe(cause);
    expect(errorMessage(e)).toBe('the file is damaged');
  });

  it('is recognised by code', () => {
    const e = new SampleError('missing', 'no such file');
    expect(hasCode(e, 'missing')).toBe(true);
    expect(hasCode(e, 'corrupt')).toBe(false);
    expect(hasCode(new Error('x'))).toBe(false);
  });
});
