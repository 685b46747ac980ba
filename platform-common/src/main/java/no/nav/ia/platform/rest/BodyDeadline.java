package no.nav.ia.platform.rest;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class: its methods run only for a request whose body arrived within its deadline
 * ({@link BodyLimits}, {@code ia.http.body-timeout}), and a request whose method runs is no longer
 * answered 408 however long its work takes ({@link BodyDeadlineCheck}). Every resource class
 * carries it ({@code Architecture.resourcesKeepTheBodysDeadline}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BodyDeadline {}
