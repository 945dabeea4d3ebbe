package org.licensecentral.license.command;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** When an account started an attach request: the count of the last hour limits new ones. */
@Document("attach_request_log")
record AttachRequestLogEntry(@Id String requestId, String accountId, Instant at) {
}
