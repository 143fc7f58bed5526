import { errorMessage } from "../../api/client";
import { useToast } from "../../components/Toast";

/** Copies text to the clipboard and says so; when the browser refuses, says how to copy it by hand. */
export function useCopy() {
  const toast = useToast();
  return async (text: string, copied: string, byHand: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(copied);
    } catch (error) {
      toast.error(`Could not copy (${errorMessage(error)}): ${byHand}`);
    }
  };
}
