export interface ImportViolation {
  file: string;
  line: number;
  message: string;
}
export function findViolations(rootDir: string): Promise<ImportViolation[]>;
