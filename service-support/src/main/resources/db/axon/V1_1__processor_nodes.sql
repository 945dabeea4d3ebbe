-- The instances of a service that are alive, for SegmentBalancer (issue 18): each writes its row
-- every few seconds, and one that has not for a while is gone. A pooled processor claims every
-- free segment it sees, so the first instance to start holds them all; an instance with no claim
-- appears nowhere in tokenentry, and this table is how the others learn that it is there to share.
CREATE TABLE processor_node (
    node_id   VARCHAR(255) NOT NULL,
    last_seen TIMESTAMPTZ  NOT NULL,
    CONSTRAINT processor_node_pk PRIMARY KEY (node_id)
);
