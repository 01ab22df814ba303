import { describe, expect, it, vi } from 'vitest';
import { AppError, toAppError, unwrap, wrap, type Commands } from '../src/lib/api';
import { id } from './ids';

describe('unwrap', () => {
  it('returns the data of an ok result', () => {
    expect(unwrap({ status: 'ok', data: 42 })).toBe(42);
    expect(unwrap({ status: 'ok', data: null })).toBeNull();
  });

  it('throws an AppError with code, message and field for an error result', () => {
    try {
      unwrap({
        status: 'error',
        error: { code: 'invalid', message: "'x' is not an email address", field: 'email' },
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toBeInstanceOf(Error);
      const error = e as AppError;
      expect(error.code).toBe('invalid');
      expect(error.message).toBe("'x' is not an email address");
      expect(error.field).toBe('email');
    }
  });
});

describe('toAppError', () => {
  it('keeps words and never shows a raw object', () => {
    expect(toAppError('disk full').message).toBe('disk full');
    expect(toAppError({ weird: true }).message).toMatch(/went wrong/);
    expect(toAppError(undefined).code).toBe('failed');
    expect(toAppError(new Error('invoke failed')).message).toBe('invoke failed');
  });
});

describe('wrap', () => {
  function fake(overrides: Record<string, unknown>): Commands {
    return overrides as unknown as Commands;
  }

  it('passes arguments through and returns the data', async () => {
    const queryCards = vi.fn().mockResolvedValue({
      status: 'ok',
      data: { total: 1, offset: 0, rows: [] },
    });
    const api = wrap(() => fake({ queryCards }));
    const page = await api.queryCards({ text: 'jan', offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(queryCards).toHaveBeenCalledWith({ text: 'jan', offset: 0, limit: 10 });
  });

  it('rejects with an AppError for an error result', async () => {
    const cardDetail = vi.fn().mockResolvedValue({
      status: 'error',
      error: { code: 'not_found', message: 'This card no longer exists.', field: null },
    });
    const api = wrap(() => fake({ cardDetail }));
    await expect(api.cardDetail(id('x'))).rejects.toMatchObject({
      code: 'not_found',
      message: 'This card no longer exists.',
      field: null,
    });
  });

  it('turns a thrown invoke failure into an AppError', async () => {
    const today = vi.fn().mockRejectedValue(new Error('IPC channel closed'));
    const api = wrap(() => fake({ today }));
    const error = await api.today().catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toBe('IPC channel closed');
  });

  it('reads the backend on every call, so tests can swap it', async () => {
    let current = fake({ appStatus: async () => ({ status: 'ok', data: 1 }) });
    const api = wrap(() => current);
    expect(await api.appStatus()).toBe(1);
    current = fake({ appStatus: async () => ({ status: 'ok', data: 2 }) });
    expect(await api.appStatus()).toBe(2);
  });
});
