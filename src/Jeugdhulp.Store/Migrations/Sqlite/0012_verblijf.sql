-- 24-hour youth care records (issue 14, HK spec §14; SQLite). Kept in step with Postgres/0012_verblijf.sql.
-- What the iJw messages do not carry: the decision's preconditions (beschikking, dialogue with a 24-hour
-- specialist, perspectiefregisseur), a crisis placement's follow-up, consults, meerzorg requests with their
-- checks and decision, moeder-kindtoeslag uses, escalations and the registration before the 18th birthday.
-- Dates are the facts staff record; the findings are recomputed from them by Core on the rules of the day, so
-- only the rule ids of the last recording are stored (for lists). Every write is audited (audit table).

-- A 24-hour placement (HK-24-3, HK-24-8, HK-24-9, HK-24-AANMELDING-18). One row per municipality and reference;
-- recording the follow-up later updates the row.
CREATE TABLE verblijf_plaatsingen (
    gemeente             TEXT    NOT NULL,
    referentie           TEXT    NOT NULL,
    client_bsn           TEXT    NOT NULL,
    productcode          TEXT    NOT NULL,
    route                TEXT    NOT NULL,
    ingang               TEXT    NOT NULL,
    einde                TEXT    NULL,
    beschikking          TEXT    NULL,
    dialoog              TEXT    NULL,
    regisseur            TEXT    NULL,
    regisseur_vastgelegd TEXT    NULL,
    vervolgperspectief   TEXT    NULL,
    vervolgplaatsing     TEXT    NULL,
    evaluatie            TEXT    NULL,
    aangemeld_na_18      TEXT    NULL,
    regels               TEXT    NOT NULL,
    door                 TEXT    NOT NULL,
    op                   TEXT    NOT NULL,
    PRIMARY KEY (gemeente, referentie)
);
CREATE INDEX verblijf_plaatsingen_client ON verblijf_plaatsingen (gemeente, client_bsn);

-- A consult request (HK-24-6) and, once held, its outcome.
CREATE TABLE verblijf_consulten (
    gemeente        TEXT NOT NULL,
    referentie      TEXT NOT NULL,
    basisinformatie TEXT NOT NULL,
    vraag           TEXT NOT NULL,
    ingediend       TEXT NOT NULL,
    gewenst         TEXT NOT NULL,
    uitkomst        TEXT NULL,
    uitkomst_op     TEXT NULL,
    door            TEXT NOT NULL,
    op              TEXT NOT NULL,
    PRIMARY KEY (gemeente, referentie)
);

-- A meerzorg request (HK-24-10) through its checks to the decision; when granted, nummer is the Begeleiding
-- Individueel allocation written through the municipality's own allocation path (toekenningen).
CREATE TABLE verblijf_meerzorg (
    gemeente            TEXT    NOT NULL,
    referentie          TEXT    NOT NULL,
    client_bsn          TEXT    NOT NULL,
    aanbieder           TEXT    NOT NULL,
    zzp                 TEXT    NOT NULL,
    extra_uren          INTEGER NOT NULL,
    van                 TEXT    NOT NULL,
    tot                 TEXT    NOT NULL,
    ontvangen           TEXT    NOT NULL,
    hulpplan            INTEGER NOT NULL,
    onafhankelijke_toets TEXT   NOT NULL,
    financiele_toets    TEXT    NOT NULL,
    besluit             TEXT    NULL,
    besloten_op         TEXT    NULL,
    nummer              INTEGER NULL,
    herbeoordeeld       INTEGER NOT NULL DEFAULT 0,
    regels              TEXT    NOT NULL,
    door                TEXT    NOT NULL,
    op                  TEXT    NOT NULL,
    PRIMARY KEY (gemeente, referentie)
);

-- A moeder-kindtoeslag use (HK-24-11): on the mother's decision, with the 3-month report's arrival.
CREATE TABLE verblijf_moederkind (
    gemeente       TEXT NOT NULL,
    referentie     TEXT NOT NULL,
    kind_bsn       TEXT NOT NULL,
    aanbieder      TEXT NOT NULL,
    besluit_moeder TEXT NOT NULL,
    van            TEXT NOT NULL,
    tot            TEXT NOT NULL,
    rapportage     TEXT NULL,
    bedrag         TEXT NULL,
    door           TEXT NOT NULL,
    op             TEXT NOT NULL,
    PRIMARY KEY (gemeente, referentie)
);

-- An escalation on a placement (HK-24-12) with who decides it on that route; closed when decided.
CREATE TABLE verblijf_escalaties (
    id         INTEGER PRIMARY KEY,
    gemeente   TEXT NOT NULL,
    referentie TEXT NOT NULL,
    onderwerp  TEXT NOT NULL,
    beslisser  TEXT NOT NULL,
    besloten   TEXT NULL,
    door       TEXT NOT NULL,
    op         TEXT NOT NULL
);
CREATE INDEX verblijf_escalaties_plaatsing ON verblijf_escalaties (gemeente, referentie);
