import { App as AntApp } from 'antd';
import { errorText } from './errors';

/**
 * A user's action against the API: a toast when it worked, the API's error in Chinese when not. It
 * answers whether it worked, so the caller reloads or moves on only then.
 */
export function useAction(): (work: () => Promise<unknown>, success?: string) => Promise<boolean> {
  const { message } = AntApp.useApp();
  return async (work, success) => {
    try {
      await work();
      if (success) message.success(success);
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
}

/**
 * The onClose of a dialog that saves: `hide` it and, when it saved, toast `success` and `reload` what it
 * changed.
 */
export function useDialogClose(): (hide: () => void, success: string, reload: () => void) => (done: boolean) => void {
  const { message } = AntApp.useApp();
  return (hide, success, reload) => (done) => {
    hide();
    if (done) {
      message.success(success);
      reload();
    }
  };
}
