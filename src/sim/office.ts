/**
 * The `Office` and `OfficeExtension` globals of the simulated host: what a task pane reads at start-up
 * (Office.onReady, display language, Office theme, requirement sets) and nothing it would not.
 */
import { SimError } from "./errors";

export type SimTheme = "light" | "dark";

export interface SimOfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
  /** Office.ThemeId: 0 Black, 1 Colorful, 2 DarkGray, 3 White. */
  themeId: number;
}

/** Colours Office reports for its Colorful and Black themes. */
export function officeTheme(theme: SimTheme): SimOfficeTheme {
  return theme === "dark"
    ? {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#363636",
        controlForegroundColor: "#FFFFFF",
        isDarkTheme: true,
        themeId: 0,
      }
    : {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
        isDarkTheme: false,
        themeId: 1,
      };
}

/** ExcelApi versions the sim answers "supported" for (what it implements, see api.ts). */
const SUPPORTED_SETS: Record<string, string> = {
  excelapi: "1.12",
  customfunctionsruntime: "1.3",
  sharedruntime: "1.1",
  dialogapi: "1.2",
};

/** Requirement-set versions compare part by part: 1.8 is older than 1.12. */
function versionAtMost(version: string | undefined, max: string): boolean {
  if (version === undefined || version === "") return true;
  const a = version.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

export interface SimOffice {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    officeTheme: SimOfficeTheme;
    host: string;
    platform: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: { status: string }) => void): void;
      };
    };
  };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: Record<string, string>;
  EventType: Record<string, string>;
  ThemeId: Record<string, number>;
}

export function createOffice(options: {
  displayLanguage: string;
  theme: SimTheme;
  settings: Map<string, unknown>;
  platform?: string;
}): SimOffice {
  const platform = options.platform ?? "OfficeOnline";
  const info = { host: "Excel", platform };
  return {
    onReady(callback) {
      // Office calls back asynchronously, after the page's scripts ran.
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      officeTheme: officeTheme(options.theme),
      host: "Excel",
      platform,
      requirements: {
        isSetSupported(name: string, version?: string) {
          const max = SUPPORTED_SETS[name.toLowerCase()];
          return max !== undefined && versionAtMost(version, max);
        },
      },
      document: {
        settings: {
          get: (name) => (options.settings.has(name) ? options.settings.get(name) : null),
          set: (name, value) => {
            options.settings.set(name, JSON.parse(JSON.stringify(value)));
          },
          remove: (name) => {
            options.settings.delete(name);
          },
          saveAsync: (callback) => setTimeout(() => callback?.({ status: "succeeded" }), 0),
        },
      },
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { OfficeThemeChanged: "officeThemeChanged", DocumentSelectionChanged: "documentSelectionChanged" },
    ThemeId: { Black: 0, Colorful: 1, DarkGray: 2, White: 3 },
  };
}

/** `OfficeExtension.Error` is the class Office.js rejects syncs with; ours is SimError. */
export const OfficeExtension = { Error: SimError, ErrorCodes: { generalException: "GeneralException" } };
