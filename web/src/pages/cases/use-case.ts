import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type CaseActionInput, type CaseDetail, casesApi } from '../../api/cases';
import { ApiError, errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { HouseholdFile } from '../../api/types';

/**
 * One case and its household, with `act()`: every action goes to the server, which is the judge — its Chinese
 * message is kept in `actionError` (shown above the step) and the case is reloaded after a success.
 */
export function useCase(id: string) {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<CaseDetail>();
  const [household, setHousehold] = useState<HouseholdFile>();
  const [error, setError] = useState<string>();
  const [actionError, setActionError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const c = await casesApi.get(id);
      setDetail(c);
      setError(undefined);
      return c;
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    }
  }, [id]);

  useEffect(() => {
    let live = true;
    setDetail(undefined);
    setHousehold(undefined);
    void reload().then((c) => {
      if (live && c)
        householdsApi.get(c.householdId).then(
          (h) => live && setHousehold(h),
          () => undefined,
        );
    });
    return () => {
      live = false;
    };
  }, [reload]);

  /** Runs one action; resolves true on success. Errors are shown, never thrown. */
  const act = useCallback(
    async (body: CaseActionInput, success: string): Promise<boolean> => {
      setBusy(true);
      setActionError(undefined);
      try {
        await casesApi.act(id, body);
        message.success(success);
        await reload();
        return true;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('CLIENT', errorMessage(e), 0);
        setActionError(err);
        message.error(err.message);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [id, message, reload],
  );

  /** Uploads one file and attaches it to a record of the current step. */
  const attachFile = useCallback(
    async (recordCode: string, file: File) => {
      setBusy(true);
      setActionError(undefined);
      try {
        const saved = await casesApi.upload(id, file);
        setBusy(false);
        return act(
          { type: 'attach_records', attachments: [{ recordCode, fileId: saved.id }] },
          `已上传：${saved.name}`,
        );
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('CLIENT', errorMessage(e), 0);
        setActionError(err);
        message.error(err.message);
        setBusy(false);
        return false;
      }
    },
    [id, act, message],
  );

  return {
    detail,
    household,
    error,
    actionError,
    busy,
    reload,
    act,
    attachFile,
    clearError: () => setActionError(undefined),
  };
}

export type UseCase = ReturnType<typeof useCase>;
