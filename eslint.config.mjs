// Lint configuration, run in CI by `npm run lint` (part of `npm test`): typescript-eslint's recommended rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["out/**", "dist/**", "node_modules/**", ".cache/**", "test/fixtures/**", "test-artifacts/**", "examples/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setImmediate: "readonly", clearImmediate: "readonly", setInterval: "readonly", clearInterval: "readonly", URL: "readonly", performance: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", fetch: "readonly", AbortController: "readonly" } },
    rules: {
      // Unused names are errors, except the ones a signature needs and says so with a leading underscore.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // A few places take untyped JSON (LSP params, cpuprofiles): `unknown` is preferred, `any` is reviewed, not banned.
      "@typescript-eslint/no-explicit-any": "warn",
      // bin/ and scripts/ are CommonJS or plain node scripts.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
