package org.swarmport.portal.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} by its lower-case label, which the table's check constraint lists. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.label();
    }

    @Override
    public Role convertToEntityAttribute(String label) {
        return label == null ? null : Role.fromLabel(label);
    }
}
