package org.swarmport.portal.moderation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ReportReason} by its code, which the table's check constraint lists. */
@Converter
public class ReportReasonColumn implements AttributeConverter<ReportReason, String> {

    @Override
    public String convertToDatabaseColumn(ReportReason reason) {
        return reason == null ? null : reason.code();
    }

    @Override
    public ReportReason convertToEntityAttribute(String code) {
        return code == null ? null : ReportReason.fromCode(code).orElseThrow(
                () -> new IllegalStateException("unknown report reason in the database: " + code));
    }
}
