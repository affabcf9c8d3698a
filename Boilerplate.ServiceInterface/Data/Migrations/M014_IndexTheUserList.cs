using FluentMigrator;

namespace Boilerplate.ServiceInterface.Data.Migrations;

/// <summary>
/// What keeps the admins' user list fast at a million accounts, kept up to date by triggers in
/// the transaction of every insert and delete, whatever writes them:
/// <list type="bullet">
/// <item><c>user_blocks</c>: how many users each block of <see cref="BlockSize"/> ids holds. Their
/// sum is the exact total, and a page starts in the block where the running sum passes its
/// offset, so no page steps over more than one block's rows, however deep it is.</item>
/// <item>The search, a substring of at least 3 characters of an email or a username: an FTS5 table
/// with the trigram tokenizer on SQLite (<c>user_search</c>), pg_trgm's GIN indexes on PostgreSQL.
/// pg_trgm is a trusted extension: the database's owner may create it.</item>
/// </list>
/// </summary>
[Migration(14, "index the user list")]
public class M014_IndexTheUserList : Migration
{
    public const int BlockSize = 1024;

    public override void Up()
    {
        Create.Table("user_blocks")
            .WithColumn("block").AsInt64().PrimaryKey()
            .WithColumn("users").AsInt64().NotNullable();

        IfDatabase("SQLite").Execute.Sql($"""
            INSERT INTO user_blocks (block, users) SELECT id / {BlockSize}, count(*) FROM "user" GROUP BY id / {BlockSize};
            CREATE TRIGGER user_blocks_insert AFTER INSERT ON "user" BEGIN
                INSERT INTO user_blocks (block, users) VALUES (NEW.id / {BlockSize}, 1)
                    ON CONFLICT (block) DO UPDATE SET users = users + 1;
            END;
            CREATE TRIGGER user_blocks_delete AFTER DELETE ON "user" BEGIN
                UPDATE user_blocks SET users = users - 1 WHERE block = OLD.id / {BlockSize};
            END;

            CREATE VIRTUAL TABLE user_search USING fts5(email, username, content='user', content_rowid='id', tokenize='trigram');
            INSERT INTO user_search (rowid, email, username) SELECT id, email, username FROM "user";
            CREATE TRIGGER user_search_insert AFTER INSERT ON "user" BEGIN
                INSERT INTO user_search (rowid, email, username) VALUES (NEW.id, NEW.email, NEW.username);
            END;
            CREATE TRIGGER user_search_delete AFTER DELETE ON "user" BEGIN
                INSERT INTO user_search (user_search, rowid, email, username) VALUES ('delete', OLD.id, OLD.email, OLD.username);
            END;
            CREATE TRIGGER user_search_update AFTER UPDATE OF email, username ON "user" BEGIN
                INSERT INTO user_search (user_search, rowid, email, username) VALUES ('delete', OLD.id, OLD.email, OLD.username);
                INSERT INTO user_search (rowid, email, username) VALUES (NEW.id, NEW.email, NEW.username);
            END;
            """);

        IfDatabase("PostgreSQL").Execute.Sql($$"""
            INSERT INTO user_blocks (block, users) SELECT id / {{BlockSize}}, count(*) FROM "user" GROUP BY id / {{BlockSize}};
            CREATE FUNCTION count_user_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO user_blocks (block, users) VALUES (NEW.id / {{BlockSize}}, 1)
                        ON CONFLICT (block) DO UPDATE SET users = user_blocks.users + 1;
                ELSE
                    UPDATE user_blocks SET users = users - 1 WHERE block = OLD.id / {{BlockSize}};
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER user_blocks_count AFTER INSERT OR DELETE ON "user"
                FOR EACH ROW EXECUTE FUNCTION count_user_blocks();

            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX ix_user_email_trigrams ON "user" USING gin (email gin_trgm_ops);
            CREATE INDEX ix_user_username_trigrams ON "user" USING gin (lower(username) gin_trgm_ops);
            """);
    }

    public override void Down()
    {
        IfDatabase("SQLite").Execute.Sql("""
            DROP TRIGGER user_search_update;
            DROP TRIGGER user_search_delete;
            DROP TRIGGER user_search_insert;
            DROP TABLE user_search;
            DROP TRIGGER user_blocks_delete;
            DROP TRIGGER user_blocks_insert;
            """);
        IfDatabase("PostgreSQL").Execute.Sql("""
            DROP INDEX ix_user_username_trigrams;
            DROP INDEX ix_user_email_trigrams;
            DROP TRIGGER user_blocks_count ON "user";
            DROP FUNCTION count_user_blocks();
            """);
        Delete.Table("user_blocks");
    }
}
