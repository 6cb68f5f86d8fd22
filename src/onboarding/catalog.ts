import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError, listYamlFiles, parseYamlFile, validate, type ParsedYaml } from '../knowledge/load.js';
import { learningPathSchema, type LearningPath } from './schema.js';

/**
 * The shipped learning paths, found relative to this module so the working folder does not matter.
 * NOTE: SHIORI_KNOWLEDGE_DIR does not move this folder, because the `/onboard start` choices are
 * fixed when the command definitions are built, before any configuration reaches the core.
 */
export const DEFAULT_PATHS_FOLDER = fileURLToPath(new URL('../../knowledge/paths', import.meta.url));

/** A validated path file with its parsed YAML, which lint needs to find lines. */
export interface PathFile {
  learningPath: LearningPath;
  parsed: ParsedYaml;
}

/** Loads and validates one path file. Errors name it `displayName`, such as `paths/x.yaml`. */
export function loadPathFile(file: string, displayName: string): PathFile {
  const parsed = parseYamlFile(file, displayName);
  const learningPath = validate(parsed, learningPathSchema);
  if (path.basename(file).replace(/\.ya?ml$/, '') !== learningPath.id) {
    throw new KnowledgeError('knowledge.idMismatch', { file: displayName, id: learningPath.id });
  }
  return { learningPath, parsed };
}

/** The learning paths in display order, by id. */
export class PathCatalog {
  readonly paths: readonly LearningPath[];
  private readonly byId: Map<string, LearningPath>;

  constructor(paths: readonly LearningPath[]) {
    this.paths = [...paths].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    this.byId = new Map(this.paths.map((learningPath) => [learningPath.id, learningPath]));
  }

  /** Loads every path file under `folder`, raising a KnowledgeError for the first broken file. */
  static load(folder: string): PathCatalog {
    const paths: LearningPath[] = [];
    const files = new Map<string, string>();
    for (const file of listYamlFiles(folder)) {
      const displayName = path.join(path.basename(folder), path.relative(folder, file));
      const { learningPath } = loadPathFile(file, displayName);
      const other = files.get(learningPath.id);
      if (other) throw new KnowledgeError('knowledge.duplicateId', { id: learningPath.id, file: displayName, other });

      files.set(learningPath.id, displayName);
      paths.push(learningPath);
    }
    return new PathCatalog(paths);
  }

  get(id: string): LearningPath | undefined {
    return this.byId.get(id);
  }

  get ids(): string[] {
    return this.paths.map((learningPath) => learningPath.id);
  }
}

let shipped: PathCatalog | undefined;

/** Loads the shipped paths once per process. A broken file raises a KnowledgeError naming file, line and field. */
export function shippedPaths(): PathCatalog {
  shipped ??= PathCatalog.load(DEFAULT_PATHS_FOLDER);
  return shipped;
}
