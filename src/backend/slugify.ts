/** Ultralytics' `slugify`, and the project/name rules of PLATFORM-API.md. */

/** Lowercase; drop all but a-z, 0-9, whitespace and `-`; spaces → `-`; collapse and trim `-`; cut to 128. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .replace(/\s/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 128);
}

/** `JohnDoe/My Project` → `JohnDoe/my-project`: the owner part is kept as it is. */
export function projectSlug(project: string): string {
  const at = project.indexOf('/');
  if (at < 0) return slugify(project);
  return `${project.slice(0, at)}/${slugify(project.slice(at + 1))}`;
}
