import 'reflect-metadata';

import { describe, expect, it } from '@jest/globals';
import { Collection } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { allow } from 'graphql-shield';
import { Field, Int, ObjectType } from 'type-graphql';

import { entityMetadata } from '../../db/entity-metadata.js';
import { ConnectionField, ForeignKeyId } from '../base.entities.js';
import { FieldRuleSet } from '../field-rules.js';
import { tableApiResolvers, tableApis } from './table-api.js';
import type { LinkRelationOptions } from './table-api.js';

/*
 * Two tables of this spec only: a shelf declares a connection on its @OneToMany collection (the ORM
 * metadata gives its foreign key) and a linked one (a module gives its SQL); a book declares its to-one
 * relation to the shelf and leaves the one to its first reader without a field.
 */

@ObjectType()
@Entity({ tableName: 'spec_shelves' })
class SpecShelf {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ConnectionField(() => SpecBook, { description: 'Books on this shelf.' })
  @OneToMany({ entity: () => SpecBook, mappedBy: 'shelf' })
  books = new Collection<SpecBook>(this);

  @OneToMany({ entity: () => SpecBook, mappedBy: 'firstReaderShelf' })
  undeclared = new Collection<SpecBook>(this);

  @ConnectionField(() => SpecBook, { description: 'Books someone recommends for this shelf.' })
  readonly recommended?: never;
}

@ObjectType()
@Entity({ tableName: 'spec_books' })
class SpecBook {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => SpecShelf, { nullable: true, description: 'Where the book stands.' })
  @ManyToOne({ entity: () => SpecShelf })
  shelf!: Rel<SpecShelf>;

  @ForeignKeyId()
  shelfId?: number;

  @ManyToOne({ entity: () => SpecShelf, nullable: true })
  firstReaderShelf?: Rel<SpecShelf> | null;

  @ForeignKeyId({ nullable: true })
  firstReaderShelfId?: number | null;
}

const ENTITIES = [SpecShelf, SpecBook];
const TABLES = [
  { entity: SpecShelf, read: allow },
  { entity: SpecBook, read: allow },
] as never;

const recommendedLink: LinkRelationOptions = {
  owner: SpecShelf,
  field: 'recommended',
  linkSql: (ids) =>
    `select shelf_id as "__parent", book_id from spec_recommendations where shelf_id = any(${ids})`,
  on: [['book_id', 'id']],
};

function build(links: LinkRelationOptions[]) {
  const rules = new FieldRuleSet();
  const apis = tableApis(TABLES, entityMetadata(ENTITIES));
  tableApiResolvers(apis, links, rules);
  return rules;
}

describe('tableApiResolvers', () => {
  describe('relations', () => {
    it('serves the connections and to-one relations the entities declare, and no others', () => {
      const rules = build([recommendedLink]);
      expect(rules.ruleOf('SpecShelf', 'books')).toBe(allow);
      expect(rules.ruleOf('SpecShelf', 'recommended')).toBe(allow);
      expect(rules.ruleOf('SpecBook', 'shelf')).toBe(allow);
      // A collection or a relation without a GraphQL field stays out of the API.
      expect(rules.ruleOf('SpecShelf', 'undeclared')).toBeUndefined();
      expect(rules.ruleOf('SpecBook', 'firstReaderShelf')).toBeUndefined();
    });

    it('refuses a declared connection that is neither a collection nor a link', () => {
      expect(() => build([])).toThrow(
        "SpecShelf.recommended: a connection field needs a @OneToMany collection or a module's link",
      );
    });

    it('refuses a link whose field the entity does not declare', () => {
      expect(() => build([recommendedLink, { ...recommendedLink, field: 'bestsellers' }])).toThrow(
        'SpecShelf.bestsellers is linked, but its entity declares no @ConnectionField for it',
      );
    });

    it('refuses a link on a @OneToMany collection', () => {
      expect(() => build([recommendedLink, { ...recommendedLink, field: 'books' }])).toThrow(
        'SpecShelf.books is a @OneToMany collection and a link',
      );
    });
  });
});
