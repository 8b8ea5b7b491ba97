"""Writing a built glossary and reporting its duplicates, shared by the per-language build scripts."""
import sys


def write_glossary(path, header, order, entries):
    """Writes a glossary file: a comment header, then FORM<TAB>ENGLISH in the given order."""
    with open(path, 'w', encoding='utf-8') as out:
        out.write(f'# {header}\n')
        for form in order:
            out.write(f'{form}\t{entries[form]}\n')


def print_duplicates(duplicates):
    """With -v on the command line, prints each duplicate form the build met (first occurrence won)."""
    if '-v' in sys.argv:
        for duplicate in duplicates:
            print('DUP', *duplicate, sep='\t')
